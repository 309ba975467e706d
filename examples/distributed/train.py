"""Data-parallel training of a small digit classifier with PyTorch's DistributedDataParallel.

CPU only, with the gloo backend, on scikit-learn's bundled digits data (no download). Every process reads its
place in the job from Azure ML's environment (MASTER_ADDR, MASTER_PORT, WORLD_SIZE, RANK, LOCAL_RANK, NODE_RANK),
so it runs unchanged on an Azure ML cluster and locally with aml-debug. First an all_reduce whose result every
rank checks proves that the ranks talk to each other; then each rank trains on its shard of the data, DDP averages
the gradients, and rank 0 writes the model and the metrics to ./outputs.
"""
import argparse
import json
import os

import torch
import torch.distributed as dist
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from torch import nn
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data import DataLoader, TensorDataset
from torch.utils.data.distributed import DistributedSampler


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--learning-rate", type=float, default=0.1)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--seed", type=int, default=42)
    return parser.parse_args()


def check_all_reduce(rank, world_size):
    """Sums rank + 1 over every rank: 1 + 2 + ... + world_size, or the ranks did not talk."""
    value = torch.tensor([float(rank + 1)])
    dist.all_reduce(value, op=dist.ReduceOp.SUM)
    expected = world_size * (world_size + 1) // 2
    if int(value.item()) != expected:
        raise RuntimeError(f"all_reduce gave {value.item()}, expected {expected}")
    print(f"rank {rank} of {world_size} (node {os.environ.get('NODE_RANK')}, local rank "
          f"{os.environ.get('LOCAL_RANK')}): all_reduce sum = {expected}, as expected")


def data(seed):
    digits = load_digits()
    x = torch.tensor(digits.data, dtype=torch.float32) / 16.0
    y = torch.tensor(digits.target, dtype=torch.long)
    x_train, x_test, y_train, y_test = train_test_split(x, y, test_size=0.25, random_state=seed)
    return TensorDataset(x_train, y_train), TensorDataset(x_test, y_test)


def accuracy(model, dataset):
    with torch.no_grad():
        x, y = dataset.tensors
        return (model(x).argmax(dim=1) == y).float().mean().item()


def main():
    args = parse_args()
    torch.set_num_threads(1)  # several processes share a few cores
    dist.init_process_group("gloo")  # MASTER_ADDR, MASTER_PORT, RANK and WORLD_SIZE come from the environment
    rank, world_size = dist.get_rank(), dist.get_world_size()
    check_all_reduce(rank, world_size)

    torch.manual_seed(args.seed)
    train, test = data(args.seed)
    sampler = DistributedSampler(train, num_replicas=world_size, rank=rank, seed=args.seed)
    loader = DataLoader(train, batch_size=args.batch_size, sampler=sampler)
    model = DistributedDataParallel(nn.Sequential(nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 10)))
    optimizer = torch.optim.SGD(model.parameters(), lr=args.learning_rate)
    loss_fn = nn.CrossEntropyLoss()

    history = []
    for epoch in range(1, args.epochs + 1):
        sampler.set_epoch(epoch)
        total = torch.zeros(2)  # loss sum, batches
        for x, y in loader:
            optimizer.zero_grad()
            loss = loss_fn(model(x), y)
            loss.backward()  # DDP averages the gradients of every rank here
            optimizer.step()
            total += torch.tensor([loss.item(), 1.0])
        dist.all_reduce(total, op=dist.ReduceOp.SUM)
        mean_loss = (total[0] / total[1]).item()
        test_accuracy = accuracy(model.module, test)
        history.append({"epoch": epoch, "loss": mean_loss, "test_accuracy": test_accuracy})
        if rank == 0:
            print(f"epoch {epoch}: loss={mean_loss:.4f} test_accuracy={test_accuracy:.4f}")

    if rank == 0:
        os.makedirs("outputs", exist_ok=True)
        torch.save(model.module.state_dict(), os.path.join("outputs", "model.pt"))
        with open(os.path.join("outputs", "metrics.json"), "w") as f:
            json.dump({"world_size": world_size, "history": history}, f, indent=2)
        print(f"final test_accuracy={history[-1]['test_accuracy']:.4f}")
    dist.destroy_process_group()


if __name__ == "__main__":
    main()
