# chatmock in a container: a Debian build stage (Release, tests off) and a slim runtime stage
# with only the shared libraries the binary links, running as a non-root user.
#   docker build -t chatmock .
#   docker run --rm -p 8080:8080 -e CHATMOCK_ADMIN_TOKEN=s3cret chatmock
# Outside the container's loopback the admin API (/_chatmock/*) is guarded by the token. No token
# is baked into the image: without CHATMOCK_ADMIN_TOKEN a random one is generated at start and
# logged (`docker logs`), so no two containers share a guessable default.
FROM debian:bookworm AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends g++ cmake ninja-build pkg-config \
      libcpp-httplib-dev nlohmann-json3-dev libcli11-dev libssl-dev zlib1g-dev libre2-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN cmake -S . -B /build -G Ninja -DCMAKE_BUILD_TYPE=Release -DCHATMOCK_BUILD_TESTS=OFF \
 && cmake --build /build --target chatmock \
 && strip /build/server/chatmock

FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends libcpp-httplib0.11 libssl3 zlib1g libre2-9 curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin chatmock
COPY --from=build /build/server/chatmock /usr/local/bin/chatmock
USER chatmock
EXPOSE 8080
# The health check asks the public API (GET /v1/models needs no admin token).
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 \
  CMD curl -fsS -H "Authorization: Bearer healthcheck" http://127.0.0.1:8080/v1/models >/dev/null || exit 1
# Shell form so the token comes from the environment (or is generated: 128 random bits from the
# kernel); exec keeps chatmock as PID 1 for SIGTERM.
CMD token="${CHATMOCK_ADMIN_TOKEN:-}"; \
    if [ -z "$token" ]; then \
      token="$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')"; \
      echo "chatmock: generated admin token: $token (set CHATMOCK_ADMIN_TOKEN to choose one)" >&2; \
    fi; \
    exec chatmock serve --host 0.0.0.0 --port 8080 --admin-token "$token" --log json
