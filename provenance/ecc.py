"""Error correction for the watermark payload: a rate-1/4 convolutional code, soft Viterbi decoding.

Constraint length 7 with generators 117, 127, 155, 171 (octal; free distance 20, Proakis
table 8.2-3), terminated with six zero tail bits so the decoder knows the final state. Soft
decisions matter here: every coded bit arrives as a correlation whose size says how sure it
is, and a soft Viterbi decoder uses that where a hard-decision block code would throw it away.
"""
from __future__ import annotations

import numpy as np

GENERATORS = (0o117, 0o127, 0o155, 0o171)
CONSTRAINT = 7
MEMORY = CONSTRAINT - 1
STATES = 1 << MEMORY
RATE = len(GENERATORS)


def _parity(values: np.ndarray) -> np.ndarray:
    bits = np.zeros_like(values)
    for shift in range(CONSTRAINT):
        bits ^= (values >> shift) & 1
    return bits


# Every 7-bit register value (newest bit on top) → its four output symbols (+1 for 0, -1 for 1).
_REGISTERS = np.arange(1 << CONSTRAINT)
_OUTPUT_BITS = np.stack([_parity(_REGISTERS & g) for g in GENERATORS], axis=1)
_SYMBOLS = (1 - 2 * _OUTPUT_BITS).astype(np.float64)


def coded_length(message_bits: int) -> int:
    return (message_bits + MEMORY) * RATE


def encode(bits: np.ndarray) -> np.ndarray:
    """Message bits (0/1) → coded bits (0/1), tail included."""
    state, out = 0, []
    for bit in list(np.asarray(bits, dtype=np.int64)) + [0] * MEMORY:
        register = (int(bit) << MEMORY) | state
        out.append(_OUTPUT_BITS[register])
        state = register >> 1
    return np.concatenate(out).astype(np.uint8)


def decode(soft: np.ndarray, message_bits: int) -> np.ndarray:
    """Maximum-likelihood message for soft values (positive means 0), one per coded bit."""
    soft = np.asarray(soft, dtype=np.float64).reshape(message_bits + MEMORY, RATE)
    metric = np.full(STATES, -np.inf)
    metric[0] = 0.0
    choices = np.empty((len(soft), STATES), dtype=np.uint8)
    for step, received in enumerate(soft):
        # Register r came from state r & 63 and leads to state r >> 1; two registers reach each state.
        candidate = metric[_REGISTERS & (STATES - 1)] + _SYMBOLS @ received
        pairs = candidate.reshape(STATES, 2)
        choices[step] = pairs[:, 1] > pairs[:, 0]
        metric = pairs.max(axis=1)
    state, decoded = 0, []
    for step in range(len(soft) - 1, -1, -1):
        decoded.append(state >> (MEMORY - 1))  # the newest bit sits on top of the state
        state = ((state << 1) | choices[step, state]) & (STATES - 1)
    return np.array(decoded[::-1][:message_bits], dtype=np.uint8)
