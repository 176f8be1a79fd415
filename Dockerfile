# chatmock in a container: a Debian build stage (Release, tests off) and a slim runtime stage
# with only the shared libraries the binary links, running as a non-root user.
#   docker build -t chatmock .
#   docker run --rm -p 8080:8080 -e CHATMOCK_ADMIN_TOKEN=s3cret chatmock
# Outside the container's loopback the admin API (/_chatmock/*) is guarded by the token.
FROM debian:bookworm AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends g++ cmake ninja-build pkg-config \
      libcpp-httplib-dev nlohmann-json3-dev libcli11-dev libssl-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN cmake -S . -B /build -G Ninja -DCMAKE_BUILD_TYPE=Release -DCHATMOCK_BUILD_TESTS=OFF \
 && cmake --build /build --target chatmock \
 && strip /build/server/chatmock

FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends libcpp-httplib0.11 libssl3 curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin chatmock
COPY --from=build /build/server/chatmock /usr/local/bin/chatmock
USER chatmock
ENV CHATMOCK_ADMIN_TOKEN=change-me
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 \
  CMD curl -fsS -H "Authorization: Bearer ${CHATMOCK_ADMIN_TOKEN}" http://127.0.0.1:8080/_chatmock/health || exit 1
# Shell form so the token comes from the environment; exec keeps chatmock as PID 1 for SIGTERM.
CMD exec chatmock serve --host 0.0.0.0 --port 8080 --admin-token "${CHATMOCK_ADMIN_TOKEN}" --log json
