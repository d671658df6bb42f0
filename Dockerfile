# citebot's Slack bot.
#   docker build -t citebot .
#   docker run --env-file .env citebot                    Socket Mode (SLACK_APP_TOKEN, SLACK_BOT_TOKEN)
#   docker run --env-file .env -p 3000:3000 citebot --http   Events API on :3000 (SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET)
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
# The package before the facts: curators change facts/ far more often than the code.
COPY pyproject.toml README.md ./
COPY bot ./bot
RUN pip install . && rm -rf build *.egg-info

COPY facts ./facts

# Run as an unprivileged user; the question log lives in /data (mount a volume to keep it).
RUN useradd --create-home --uid 10001 citebot && mkdir /data && chown citebot /data
USER citebot
ENV FACTS_DIR=/app/facts \
    DATABASE_URL=sqlite:////data/citebot.db

EXPOSE 3000
# HTTP mode: GET /health; Socket Mode has no endpoint, so the check passes while the process runs.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["python", "-m", "bot.slack.healthcheck"]

# The mode comes from the arguments: none for Socket Mode, "--http" (and --port, --workers) for HTTP.
ENTRYPOINT ["python", "-m", "bot", "serve"]
CMD []
