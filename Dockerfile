# One image for the API and the worker (the command chooses). Production shape; there is no
# Docker engine on the development machines, so tests/docker-compose.test.ts checks its wiring.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# The client is generated at build time; DATABASE_URL only has to be present, not reachable.
RUN DATABASE_URL=postgresql://build@localhost/build npx prisma generate
USER node
EXPOSE 3000
CMD ["node", "--import", "tsx", "api/main.ts"]
