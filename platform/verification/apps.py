from django.apps import AppConfig


class VerificationConfig(AppConfig):
    name = "verification"
    verbose_name = "Verification: is this clip ours?"
    default_auto_field = "django.db.models.BigAutoField"
