"""The Slack adapter: Bolt listeners around the runtime, Block Kit rendering, and the two ways to serve.

    build_app(settings, runtime, client) -> slack_bolt.App     (bot.slack.app)
    serve(settings, http=..., port=..., workers=..., host=...)  (bot.slack.server)
"""
