"""SpacetimeDiT's refiner: it starts as a no-op (so a trained model can grow one) and then acts per cell."""
import torch

from generation import SpacetimeDiT


def _inputs(height=16, width=16):
    generator = torch.Generator().manual_seed(0)
    latents = torch.randn(2, 8, 4, height, width, generator=generator)
    text = torch.randn(2, 5, 384, generator=generator)
    return latents, torch.tensor([250.0, 900.0]), text, torch.ones(2, 5, dtype=torch.bool)


def test_a_new_refiner_leaves_the_model_unchanged():
    torch.manual_seed(0)
    plain = SpacetimeDiT(width=48, depth=1, heads=2)
    for parameter in plain.parameters():  # a trained model: no zero-initialised output
        torch.nn.init.normal_(parameter, std=0.05)
    refined = SpacetimeDiT(width=48, depth=1, heads=2, refiner_channels=8)
    missing, unexpected = refined.load_state_dict(plain.state_dict(), strict=False)
    assert not unexpected and missing and all(key.startswith("refiner.") for key in missing)
    inputs = _inputs()
    with torch.no_grad():
        assert torch.equal(plain(*inputs), refined(*inputs))
        torch.nn.init.normal_(refined.refiner[-1].weight, std=0.05)
        changed = refined(*inputs) - plain(*inputs)
    assert changed.abs().mean() > 1e-3
    # The correction depends on the noise level it is told.
    latents, timestep, text, mask = inputs
    with torch.no_grad():
        other = refined(latents, timestep.flip(0), text, mask) - plain(latents, timestep.flip(0), text, mask)
    assert not torch.allclose(changed, other)


def test_the_refiner_works_on_non_square_latents():
    model = SpacetimeDiT(width=48, depth=1, heads=2, refiner_channels=8)
    latents, timestep, text, mask = _inputs(height=16, width=28)
    with torch.no_grad():
        assert model(latents, timestep, text, mask).shape == latents.shape
