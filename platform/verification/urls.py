from django.urls import path

from verification import views

app_name = "verification"

urlpatterns = [
    path("t/<slug:slug>/verify/", views.verify_page, name="verify"),
]
