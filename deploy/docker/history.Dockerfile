# syntax=docker/dockerfile:1
# The history image. Build from the repository root (the context needs protos/ and services/):
#   docker build -f deploy/docker/history.Dockerfile -t industry/history:<version> .
# Two stages: the SDK builds, the final image holds the ASP.NET Core runtime and the published output only
# (Ubuntu "chiseled": no shell, no package manager; "-extra" adds ICU and time zone data, which the suite uses).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore from the project files alone, so that this layer is reused until a dependency changes. The build settings
# come along: .editorconfig sets analyzer severities, and warnings are errors.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY services/contracts/Industry.Contracts.csproj services/contracts/
COPY services/shared/Industry.ServiceDefaults.csproj services/shared/
COPY services/history/Industry.History.csproj services/history/
RUN dotnet restore services/history/Industry.History.csproj
COPY protos/ protos/
COPY services/contracts/ services/contracts/
COPY services/shared/ services/shared/
COPY services/history/ services/history/
RUN dotnet publish services/history/Industry.History.csproj --configuration Release --no-restore \
    --output /app -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-extra AS final
WORKDIR /app
COPY --from=build /app ./
# The image's "app" user, by number so that Kubernetes can verify runAsNonRoot (deploy/k8s: runAsUser 1654).
USER 1654
# gRPC (h2c) and JSON/REST (HTTP/1.1); the addresses come from appsettings.json (Kestrel:Endpoints).
EXPOSE 7004 7084
ENTRYPOINT ["dotnet", "Industry.History.dll"]
