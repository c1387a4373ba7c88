from django.urls import path

from audit import views

app_name = "audit"

urlpatterns = [
    path("t/<slug:slug>/audit/", views.audit_page, name="log"),
    path("t/<slug:slug>/audit/export/", views.audit_export, name="export"),
]
