# advocacy-bot: build on Debian 12 with the same set-up script developers and CI use, run on a slim Debian 12.
FROM debian:12 AS build
WORKDIR /src
COPY . .
# The browser test needs Chromium and the npm registry: it runs in CI, not in image builds.
RUN ADVOCACY_E2E=0 scripts/setup --test && strip build/bot/advocacy-bot

FROM debian:12-slim
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      libboost-json1.81.0 libboost-url1.81.0 libssl3 libsqlite3-0 libtomlplusplus3 libdate-tz3 \
      tzdata ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --home-dir /var/lib/advocacy --create-home advocacy
COPY --from=build /src/build/bot/advocacy-bot /usr/local/bin/advocacy-bot
COPY --from=build /src/config/advocacy.example.toml /etc/advocacy/advocacy.toml
USER advocacy
WORKDIR /var/lib/advocacy
# Secrets come from the environment (names set in the TOML file), never from the image.
ENTRYPOINT ["advocacy-bot"]
CMD ["check-config", "/etc/advocacy/advocacy.toml"]
