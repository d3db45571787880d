"""Who said it: mentions to names, in-document coreference, the cross-document registry, aliases."""
