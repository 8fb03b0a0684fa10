"""Errors that are the user's to fix: the CLI prints them as one line, no traceback."""

from kg.export import UnknownFormat
from kg.ingest import InputError
from kg.queries import QueryError
from kg.store import RemoteStoreError


class ModelNotInstalled(RuntimeError):
    """The named spaCy pipeline is not installed; the message says how to install it.
    (Here rather than in kg.nlp, so that the CLI does not load spaCy to know its errors.)"""


UserError = (InputError, UnknownFormat, QueryError, ModelNotInstalled, FileNotFoundError,
             RemoteStoreError)
