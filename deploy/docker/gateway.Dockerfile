# syntax=docker/dockerfile:1
# The gateway image. Build from the repository root (the context needs protos/ and services/):
#   docker build -f deploy/docker/gateway.Dockerfile -t industry/gateway:<version> .
# Three stages: the page (web/, docs/web.md) is built with Node in the SDK image (its client is generated from protos/,
# whose google imports buf.sh restores with the SDK), the SDK builds the gateway with the page next to it, the final
# image holds the ASP.NET Core runtime and the published output only (Ubuntu "chiseled": no shell, no package
# manager; "-extra" adds ICU and time zone data, which the suite uses). No CDN: the page's files are in the image.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS web
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# The locked dependencies first (the buf CLI's, the page's), so that this layer is reused until a lockfile changes.
COPY package.json package-lock.json buf.yaml Directory.Packages.props ./
COPY web/package.json web/package-lock.json web/
RUN npm ci --no-audit --no-fund && (cd web && npm ci --no-audit --no-fund)
COPY scripts/buf.sh scripts/
COPY protos/ protos/
COPY web/ web/
RUN bash web/build.sh

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore from the project files alone, so that this layer is reused until a dependency changes. The build settings
# come along: .editorconfig sets analyzer severities, and warnings are errors.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY services/contracts/Industry.Contracts.csproj services/contracts/
COPY services/shared/Industry.ServiceDefaults.csproj services/shared/
COPY services/gateway/Industry.Gateway.csproj services/gateway/
RUN dotnet restore services/gateway/Industry.Gateway.csproj
COPY protos/ protos/
COPY services/contracts/ services/contracts/
COPY services/shared/ services/shared/
COPY services/gateway/ services/gateway/
# The API descriptions the gateway embeds (ADR 0030).
COPY docs/api/ docs/api/
# The page, served at / (services/gateway/Web); the project file copies web/dist next to the gateway.
COPY --from=web /src/web/dist/ web/dist/
RUN dotnet publish services/gateway/Industry.Gateway.csproj --configuration Release --no-restore \
    --output /app -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-extra AS final
WORKDIR /app
COPY --from=build /app ./
# The image's "app" user, by number so that Kubernetes can verify runAsNonRoot (deploy/k8s: runAsUser 1654).
USER 1654
# gRPC (h2c) and JSON/REST (HTTP/1.1); the addresses come from appsettings.json (Kestrel:Endpoints).
EXPOSE 7000 7080
ENTRYPOINT ["dotnet", "Industry.Gateway.dll"]
