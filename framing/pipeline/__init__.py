"""From text to annotated Docs: the spaCy model and the framing components, the parse cache, and the
engine that runs them in one process, in several, or on a Dask cluster."""
