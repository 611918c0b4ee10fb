"""Global state: the app's module-level data, shared by every tab through a store.
(Per-session gr.State values live with the State component.)"""

from .candidates import per_tab, shared
from .codec import CodecError, decode, encode
from .namespace import namespace_for
from .store import MemoryStore, Store, StoreError, StoreFullError, VersionConflictError
from .transaction import MAX_SHARED_BYTES, GlobalState, GlobalStateError, LogCallback

__all__ = [
    "MAX_SHARED_BYTES",
    "CodecError",
    "GlobalState",
    "GlobalStateError",
    "LogCallback",
    "MemoryStore",
    "Store",
    "StoreError",
    "StoreFullError",
    "VersionConflictError",
    "decode",
    "encode",
    "namespace_for",
    "per_tab",
    "shared",
]
