"""Train step: trains an SGD classifier on the table that the prep step wrote, prints its accuracy
and saves the model to the folder given by --model (the step's output).
"""
import argparse
import os
import pickle

import pandas as pd
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import accuracy_score
from sklearn.model_selection import train_test_split


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--table", required=True, help="folder with digits.csv")
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--learning-rate", type=float, default=0.01)
    parser.add_argument("--test-size", type=float, default=0.25)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--model", required=True, help="output folder for model.pkl")
    return parser.parse_args()


def main():
    args = parse_args()
    table = pd.read_csv(os.path.join(args.table, "digits.csv"))
    features, labels = table.drop(columns=["label"]).to_numpy(), table["label"].to_numpy()
    x_train, x_test, y_train, y_test = train_test_split(
        features, labels, test_size=args.test_size, random_state=args.seed)
    print(f"{len(x_train)} training and {len(x_test)} test rows from {args.table}")

    model = SGDClassifier(learning_rate="constant", eta0=args.learning_rate, random_state=args.seed)
    classes = sorted(set(labels))
    for epoch in range(1, args.epochs + 1):
        model.partial_fit(x_train, y_train, classes=classes)
        print(f"epoch {epoch}: train_accuracy={accuracy_score(y_train, model.predict(x_train)):.4f}")

    accuracy = accuracy_score(y_test, model.predict(x_test))
    print(f"accuracy={accuracy:.4f}")
    os.makedirs(args.model, exist_ok=True)
    with open(os.path.join(args.model, "model.pkl"), "wb") as f:
        pickle.dump(model, f)
    print(f"wrote {os.path.join(args.model, 'model.pkl')}")


if __name__ == "__main__":
    main()
