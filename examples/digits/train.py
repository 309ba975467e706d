"""Train a digit classifier on scikit-learn's bundled digits data set (no download needed).

Prints the metrics of every epoch, rewrites ./outputs/metrics.json after each one, and writes
the model to ./outputs, as Azure ML expects. Runs unchanged locally, in a container, or on Azure ML.
"""
import argparse
import json
import os
import pickle

from sklearn.datasets import load_digits
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import accuracy_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--learning-rate", type=float, default=0.01)
    parser.add_argument("--test-size", type=float, default=0.25)
    parser.add_argument("--seed", type=int, default=42)
    return parser.parse_args()


def main():
    args = parse_args()
    digits = load_digits()
    x_train, x_test, y_train, y_test = train_test_split(
        digits.data, digits.target, test_size=args.test_size, random_state=args.seed)
    scaler = StandardScaler().fit(x_train)
    x_train, x_test = scaler.transform(x_train), scaler.transform(x_test)
    print(f"run {os.environ.get('AZUREML_RUN_ID', 'outside Azure ML')}: "
          f"{len(x_train)} training and {len(x_test)} test images")

    model = SGDClassifier(learning_rate="constant", eta0=args.learning_rate, random_state=args.seed)
    classes = sorted(set(digits.target))
    history = []
    for epoch in range(1, args.epochs + 1):
        model.partial_fit(x_train, y_train, classes=classes)
        train_accuracy = accuracy_score(y_train, model.predict(x_train))
        test_accuracy = accuracy_score(y_test, model.predict(x_test))
        history.append({"epoch": epoch, "train_accuracy": train_accuracy, "test_accuracy": test_accuracy})
        print(f"epoch {epoch}: train_accuracy={train_accuracy:.4f} test_accuracy={test_accuracy:.4f}")
        write_metrics(history)

    with open(os.path.join("outputs", "model.pkl"), "wb") as f:
        pickle.dump({"scaler": scaler, "model": model}, f)
    print(f"final test_accuracy={history[-1]['test_accuracy']:.4f}; wrote outputs/model.pkl and outputs/metrics.json")


def write_metrics(history):
    """Rewrites outputs/metrics.json after every epoch (whole, then renamed), so that a chart of it grows as it runs."""
    os.makedirs("outputs", exist_ok=True)
    path = os.path.join("outputs", "metrics.json")
    with open(path + ".tmp", "w") as f:
        json.dump({"test_accuracy": history[-1]["test_accuracy"], "history": history}, f, indent=2)
    os.replace(path + ".tmp", path)


if __name__ == "__main__":
    main()
