"""argmap's terminal UI (Textual). Imports the core; the core never imports this package."""
