from django.urls import path

from studio import views

app_name = "studio"

urlpatterns = [
    path("t/<slug:slug>/studio/", views.studio_home, name="home"),
    path("t/<slug:slug>/studio/generate/", views.generation_create, name="generate"),
    path("t/<slug:slug>/studio/<int:generation_id>/", views.generation_page, name="generation"),
    path("t/<slug:slug>/studio/<int:generation_id>/status/", views.generation_status, name="status"),
    path("t/<slug:slug>/studio/<int:generation_id>/clip.mp4", views.clip_file, name="clip"),
    path("t/<slug:slug>/studio/<int:generation_id>/cancel/", views.generation_cancel, name="cancel"),
    path("t/<slug:slug>/studio/<int:generation_id>/retry/", views.generation_retry, name="retry"),
]
