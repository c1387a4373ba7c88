from django.apps import AppConfig


class ConfigConfig(AppConfig):
    """Project-wide management commands (runstack) live with the settings."""

    name = "config"
    verbose_name = "Hallmark project"
