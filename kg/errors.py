"""Errors that are the user's to fix: the CLI prints them as one line, no traceback."""

from kg.export import UnknownFormat
from kg.ingest import InputError
from kg.nlp import ModelNotInstalled
from kg.queries import QueryError
from kg.remote_store import RemoteStoreError

UserError = (InputError, UnknownFormat, QueryError, ModelNotInstalled, FileNotFoundError,
             RemoteStoreError)
