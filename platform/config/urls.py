from django.urls import include, path

from api.api import api

urlpatterns = [
    path("", include("accounts.urls")),
    path("", include("studio.urls")),
    path("", include("verification.urls")),
    path("", include("moderation.urls")),
    path("", include("audit.urls")),
    path("api/v1/", api.urls),
]
