# syntax=docker/dockerfile:1.7
# Multi-stage build. Targets: `api` (the API, which also serves the built SPA) and `sandbox` (fake external systems).
# Node 24 is an LTS line supported until April 2028 (Node 20 reached its end of life on 2026-04-30). Local development
# runs on whatever Node 20.19+ the machine has (package.json engines); CI builds and tests the same sources.
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# Install scripts are only needed for the embedded PostgreSQL, which images never use (they get DATABASE_URL).
RUN npm ci --ignore-scripts

FROM deps AS build
COPY . .
ENV NX_DAEMON=false NX_NO_CLOUD=true
RUN node node_modules/nx/bin/nx.js run-many -t build --projects=api,web,sandbox --outputStyle=static

FROM ${NODE_IMAGE} AS runtime-deps
WORKDIR /app
COPY package.json package-lock.json ./
# No dev tools and no optional platform binaries (the embedded PostgreSQL is ~100 MB and unused here).
RUN npm ci --omit=dev --omit=optional --ignore-scripts && npm cache clean --force

FROM ${NODE_IMAGE} AS api
# Production: API docs and the SPA's source maps are not served unless SWAGGER_ENABLED / SERVE_SOURCE_MAPS say so.
ENV NODE_ENV=production PORT=3000 WEB_DIST_DIR=/app/dist/apps/web
WORKDIR /app
COPY --from=runtime-deps /app/node_modules ./node_modules
COPY --from=build /app/dist/apps/api ./dist/apps/api
COPY --from=build /app/dist/apps/web ./dist/apps/web
COPY package.json ./
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/api/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# Pending migrations run at start, before the server listens; SIGTERM stops it at any point (it installs its own
# handlers, since node as PID 1 has none). Without DATABASE_URL it stops with a sentence saying so.
CMD ["node", "--disable-proto=delete", "--enable-source-maps", "dist/apps/api/apps/api/src/main.js"]

FROM ${NODE_IMAGE} AS sandbox
ENV NODE_ENV=production SANDBOX_PORT=4010 SANDBOX_HOST=0.0.0.0
WORKDIR /app
COPY --from=runtime-deps /app/node_modules ./node_modules
COPY --from=build /app/dist/apps/sandbox ./dist/apps/sandbox
USER node
EXPOSE 4010
CMD ["node", "--disable-proto=delete", "dist/apps/sandbox/main.js"]
