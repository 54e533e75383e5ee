# The API and the static site in one image. Build context: the repository root.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props CctvRequests.sln ./
COPY src/ src/
COPY web/ web/
RUN dotnet publish src/Api -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_URLS=http://+:8080 \
    Storage__Root=/data/files
# Attachments live on a volume the unprivileged app user owns.
RUN mkdir -p /data/files && chown -R $APP_UID /data
VOLUME /data
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "CctvRequests.Api.dll"]
