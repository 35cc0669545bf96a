#!/bin/sh
# One-shot (temporal-schema service, temporalio/admin-tools): the PostgreSQL schema of the persistence store and the
# Elasticsearch template and index of the visibility store. Safe to run on every `docker compose up`: each step
# either applies what is missing or leaves an existing store as it is.
set -eu
: "${POSTGRES_SEEDS:?}" "${POSTGRES_USER:?}" "${SQL_PASSWORD:?}" "${ES_SERVER:?}" "${ES_VISIBILITY_INDEX:?}"
DB_PORT="${DB_PORT:-5432}"

sql() {
  # SQL_PASSWORD is read from the environment by temporal-sql-tool, so it never shows in the process list.
  temporal-sql-tool --plugin postgres12 --endpoint "$POSTGRES_SEEDS" --port "$DB_PORT" --user "$POSTGRES_USER" \
    --db temporal "$@"
}

# The database itself is created by the postgres image (POSTGRES_DB=temporal). setup-schema -v 0.0 only adds the
# version tables; it skips the version reset once the schema is newer, so a second run changes nothing.
echo "temporal-schema: PostgreSQL persistence schema"
sql setup-schema -v 0.0
sql update-schema -d /etc/temporal/schema/postgresql/v12/temporal/versioned

# temporal-elasticsearch-tool (shipped in admin-tools since 1.30) talks to Elasticsearch over HTTP: cluster
# settings and the index template, then the index. create-index fails on an index that already exists; then the
# index's mappings are brought up to date instead, which fails in turn if Elasticsearch really is unusable.
echo "temporal-schema: Elasticsearch template and index $ES_VISIBILITY_INDEX at $ES_SERVER"
temporal-elasticsearch-tool --endpoint "$ES_SERVER" setup-schema
temporal-elasticsearch-tool --endpoint "$ES_SERVER" create-index --index "$ES_VISIBILITY_INDEX" \
  || temporal-elasticsearch-tool --endpoint "$ES_SERVER" update-schema --index "$ES_VISIBILITY_INDEX"

echo "temporal-schema: done"
