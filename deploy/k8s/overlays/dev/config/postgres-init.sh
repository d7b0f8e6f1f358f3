#!/bin/bash
# Runs once, when the data volume is empty (the image's /docker-entrypoint-initdb.d): a login role and an owned
# database per service, with the passwords of the <service>-db-app Secrets.
set -euo pipefail
for service in cluster projects parks history; do
  password_variable="$(echo "$service" | tr '[:lower:]' '[:upper:]')_DB_PASSWORD"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v name="$service" -v password="${!password_variable}" <<'SQL'
CREATE ROLE :"name" LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name";
SQL
done
