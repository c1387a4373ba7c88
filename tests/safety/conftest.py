import pytest
import torch


@pytest.fixture
def torch_threads():
    """Sets torch's thread count for one test (call it with the count) and puts the previous one back."""
    before = torch.get_num_threads()
    yield torch.set_num_threads
    torch.set_num_threads(before)
