from django import forms

from generation.backends import BACKENDS
from studio.services import ASPECT_RATIOS, DURATIONS, FRAME_RATES, MAX_PROMPT_CHARS

ASPECT_LABELS = {"1:1": "1:1 square", "16:9": "16:9 landscape", "9:16": "9:16 portrait", "4:3": "4:3"}


class GenerationForm(forms.Form):
    prompt = forms.CharField(max_length=MAX_PROMPT_CHARS, widget=forms.Textarea(attrs={"rows": 3}))
    negative_prompt = forms.CharField(max_length=MAX_PROMPT_CHARS, required=False,
                                      widget=forms.TextInput(attrs={"placeholder": "what to avoid (optional)"}))
    duration_seconds = forms.TypedChoiceField(choices=[(d, f"{d} s") for d in DURATIONS], coerce=int, initial=2,
                                              label="Duration")
    seed = forms.IntegerField(required=False, min_value=0, max_value=2 ** 31 - 1,
                              widget=forms.NumberInput(attrs={"placeholder": "random"}))
    steps = forms.IntegerField(min_value=1, max_value=50, initial=20, required=False)
    guidance = forms.FloatField(min_value=0, max_value=15, initial=4.0, required=False)
    # Blank: the model's own (8 fps and 1:1 for ours), or the video's own when extending one.
    fps = forms.TypedChoiceField(choices=[("", "model's own")] + [(f, f"{f} fps") for f in FRAME_RATES], coerce=int,
                                 empty_value=None, required=False, label="Frame rate")
    aspect_ratio = forms.TypedChoiceField(choices=[("", "model's own")] + [(a, ASPECT_LABELS.get(a, a))
                                                                          for a in ASPECT_RATIOS],
                                          empty_value=None, required=False, label="Aspect ratio")
    camera = forms.ChoiceField(choices=[("", "still"), ("left", "pans left"), ("right", "pans right")],
                               required=False)
    model = forms.ChoiceField(choices=[(name, spec.label) for name, spec in BACKENDS.items()], initial="default",
                              required=False)
    # Optional starts: one of the team's videos to continue (the video page's form), or an upload.
    extends = forms.IntegerField(required=False, widget=forms.HiddenInput)
    source = forms.FileField(required=False, label="Start from a video or an image (optional)",
                             widget=forms.ClearableFileInput(attrs={"accept": "video/mp4,video/quicktime,video/webm,"
                                                                              "image/png,image/jpeg,image/webp"}))
