"""The PyTorch side of `npm run bench`: the same networks in eager PyTorch, float64, one thread.

Runs as a child of bench.ts and answers one JSON line per request on stdin:
  {"op": "info"}                                  -> torch version, threads, the BLAS it loaded
  {"op": "setup", "config": {...}, "warm": s}     -> builds the network, warms it up for s seconds
  {"op": "time", "id": "a", "seconds": s}         -> steps per second over about s seconds
Each step does what gradlab's step does: forward, softmax cross-entropy, backward, every layer's
gradient norms and the loss read back to Python, then the optimizer's update. Batches are cut once
from random data and taken in turn (speed only; gradlab's data would not change the work).
"""
import ctypes
import json
import os
import sys
import time

import torch

torch.set_num_threads(1)
torch.set_default_dtype(torch.float64)
torch.manual_seed(20240611)


def blas():
    """The BLAS libraries this process mapped, and OpenBLAS's own description of itself if it is one."""
    torch.ones(64, 64) @ torch.ones(64, 64)  # make sure the BLAS is loaded
    paths = set()
    with open('/proc/self/maps') as maps:
        for line in maps:
            path = line.split()[-1] if len(line.split()) >= 6 else ''
            if 'blas' in os.path.basename(path).lower():
                paths.add(os.path.realpath(path))
    described = []
    for path in sorted(paths):
        entry = {'path': path}
        try:
            lib = ctypes.CDLL(path)
            lib.openblas_get_config.restype = ctypes.c_char_p
            entry['openblas'] = lib.openblas_get_config().decode()
            entry['threads'] = lib.openblas_get_num_threads()
        except (OSError, AttributeError):
            pass
        described.append(entry)
    return described


class Side:
    def __init__(self, c):
        sizes = c['layers']
        layers = []
        for l in range(len(sizes) - 1):
            layers.append(torch.nn.Linear(sizes[l], sizes[l + 1]))
            if l < len(sizes) - 2:
                layers.append(torch.nn.ReLU() if c['activation'] == 'relu' else torch.nn.Sigmoid())
        self.model = torch.nn.Sequential(*layers)
        self.params = list(self.model.parameters())
        if c['optimizer'] == 'adam':
            self.opt = torch.optim.Adam(self.params, lr=c['lr'])
        else:
            self.opt = torch.optim.SGD(self.params, lr=c['lr'])
        rows = 2048 // c['batch'] * c['batch']
        x = torch.randn(rows, sizes[0])
        y = torch.randint(0, sizes[-1], (rows,))
        self.batches = list(zip(x.split(c['batch']), y.split(c['batch'])))
        self.next = 0

    def step(self):
        x, y = self.batches[self.next]
        self.next = (self.next + 1) % len(self.batches)
        self.opt.zero_grad()
        loss = torch.nn.functional.cross_entropy(self.model(x), y)
        loss.backward()
        norms = torch.stack([p.grad.norm() for p in self.params]).tolist()
        value = loss.item()
        if value != value:
            raise RuntimeError('diverged')
        self.opt.step()
        return norms

    def rate(self, seconds):
        steps = 0
        start = time.perf_counter()
        end = start + seconds
        now = start
        while now < end:
            self.step()
            steps += 1
            now = time.perf_counter()
        return steps / (now - start)


def main():
    sides = {}
    for line in sys.stdin:
        request = json.loads(line)
        if request['op'] == 'info':
            reply = {'torch': torch.__version__, 'threads': torch.get_num_threads(), 'blas': blas()}
        elif request['op'] == 'setup':
            side = Side(request['config'])
            side.rate(request['warm'])
            sides[request['config']['id']] = side
            reply = {'ready': True}
        else:
            reply = {'stepsPerSecond': sides[request['id']].rate(request['seconds'])}
        sys.stdout.write(json.dumps(reply) + '\n')
        sys.stdout.flush()


main()
