// libpq's types and constants only: Core loads the library itself when a server is used
// (Sources/Core/Server/LibPQ.swift), so that a yakkan on SQLite neither needs nor loads it.
#include <postgresql/libpq-fe.h>
