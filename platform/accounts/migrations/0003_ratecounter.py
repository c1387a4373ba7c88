from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0002_team_backends"),
    ]

    operations = [
        migrations.CreateModel(
            name="RateCounter",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("scope", models.CharField(max_length=8)),
                ("subject", models.BigIntegerField()),
                ("action", models.CharField(max_length=16)),
                ("window_start", models.DateTimeField()),
                ("count", models.PositiveIntegerField()),
            ],
            options={
                "constraints": [models.UniqueConstraint(fields=("scope", "subject", "action", "window_start"),
                                                        name="rate_counter_one_per_window")],
            },
        ),
    ]
