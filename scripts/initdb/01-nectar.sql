-- Run once by the pgvector/pgvector image (docker-compose.yml) on a new data volume, as the superuser
-- POSTGRES_USER=nectar that already owns database nectar: the same set-up scripts/services.sh makes.
CREATE EXTENSION IF NOT EXISTS vector;
CREATE DATABASE nectar_it OWNER nectar ENCODING 'UTF8' TEMPLATE template0;
\connect nectar_it
CREATE EXTENSION IF NOT EXISTS vector;
