from django import forms
from django.contrib.auth.forms import AuthenticationForm

from accounts.roles import API_KEY_SCOPES, Permission, Role


class EmailLoginForm(AuthenticationForm):
    username = forms.EmailField(label="Email", widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}))


class InvitationForm(forms.Form):
    email = forms.EmailField()
    role = forms.ChoiceField(choices=Role.choices, initial=Role.MEMBER)


class RoleForm(forms.Form):
    role = forms.ChoiceField(choices=Role.choices)


class ApiKeyForm(forms.Form):
    name = forms.CharField(max_length=80)
    scopes = forms.MultipleChoiceField(
        choices=[(p.value, p.label) for p in Permission if p.value in API_KEY_SCOPES],
        widget=forms.CheckboxSelectMultiple,
    )
    expires_in_days = forms.IntegerField(min_value=1, initial=90, label="Expires in (days)")

    def __init__(self, *args, allowed_scopes=API_KEY_SCOPES, **kwargs):
        super().__init__(*args, **kwargs)
        # Offer only what the creator's role can grant.
        self.fields["scopes"].choices = [c for c in self.fields["scopes"].choices if c[0] in allowed_scopes]


class SignUpForm(forms.Form):
    display_name = forms.CharField(max_length=120, required=False, label="Your name")
    password = forms.CharField(widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}), min_length=10)
