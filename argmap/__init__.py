"""argmap: map a policy debate from the news: who said what, for or against which position."""

__version__ = "0.2.0"
