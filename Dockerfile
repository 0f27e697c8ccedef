# advocacy-bot: built on Debian 12 with the same set-up script developers and CI use (the tests run during the
# build), run on a slim Debian 12 with only the runtime libraries. How to run it: README, "Deploying".
# scripts/check-dockerfile checks this file statically (CI has no container engine).

FROM debian:12 AS build
WORKDIR /src
COPY . .
# The browser test needs Chromium and the npm registry: it runs in CI, not in image builds.
RUN ADVOCACY_E2E=0 scripts/setup --test && strip build/bot/advocacy-bot

FROM debian:12-slim
# The shared libraries the binary links (check-dockerfile compares this list with `ldd` + `dpkg -S`), the time-zone
# database date/tz reads, and the CA store outgoing TLS verifies against. No curl: `advocacy-bot healthcheck` probes.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      libboost-json1.81.0 libboost-url1.81.0 libssl3 libsqlite3-0 libtomlplusplus3 libdate-tz3 \
      tzdata ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --user-group --home-dir /data --no-create-home --shell /usr/sbin/nologin advocacy \
 && mkdir -p /data \
 && chown advocacy:advocacy /data
COPY --from=build /src/build/bot/advocacy-bot /usr/local/bin/advocacy-bot
# A container-ready configuration (listens on all interfaces, database in /data, JSON logs). Mount your own over it;
# secrets come from the environment (SLACK_BOT_TOKEN, ...), never from the image.
COPY deploy/docker/advocacy.toml /etc/advocacy/advocacy.toml
USER advocacy
WORKDIR /data
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["advocacy-bot", "healthcheck", "--url", "http://127.0.0.1:8080/healthz"]
# SIGTERM drains in-flight requests (shutdown_grace_seconds, 10 s by default): use `docker stop --time 30`.
STOPSIGNAL SIGTERM
ENTRYPOINT ["advocacy-bot"]
CMD ["serve", "/etc/advocacy/advocacy.toml"]
