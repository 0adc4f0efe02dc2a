// A static library needs one source of its own; the translations themselves are Qt resources.
