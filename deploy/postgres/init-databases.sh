#!/bin/sh
# First start of an empty PostgreSQL data directory: creates the application role and one database per service
# (each service owns its database and no other). Run by the postgres image from /docker-entrypoint-initdb.d as the
# superuser; the services log in as APP_DB_USER, never as the superuser.
# Kept identical to k8s/overlays/dev/postgres/init-databases.sh (a test in the deploy module checks it).

: "${APP_DB_USER:?APP_DB_USER must be set}"
: "${APP_DB_PASSWORD:?APP_DB_PASSWORD must be set}"

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v app_user="$APP_DB_USER" -v app_password="$APP_DB_PASSWORD" <<'SQL' || exit 1
CREATE ROLE :"app_user" LOGIN PASSWORD :'app_password';
SQL

for database in auth subscription licitacion ml notification; do
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v app_user="$APP_DB_USER" -v database="$database" <<'SQL' || exit 1
CREATE DATABASE :"database" OWNER :"app_user";
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
SQL
done
