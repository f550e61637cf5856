"""The national-scale benchmark: a generated cascade with its truth (``generate``) and the timed run (``run``)."""
