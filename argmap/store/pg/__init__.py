"""A workspace on a PostgreSQL server (issue 16): the connection that speaks the store's SQL,
the backend, the schema, and workspace URLs. Imported only for a server target; it needs
psycopg (``pip install 'argmap[postgresql]'``)."""
