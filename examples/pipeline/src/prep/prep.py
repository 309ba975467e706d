"""Prep step: writes scikit-learn's bundled digits (no download) as a CSV table, pixels scaled to [0, 1].

The table goes to the folder given by --table (the step's output), where the train step reads it.
"""
import argparse
import os

import pandas as pd
from sklearn.datasets import load_digits


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pixel-max", type=float, default=16.0)
    parser.add_argument("--table", required=True, help="output folder for digits.csv")
    args = parser.parse_args()

    digits = load_digits()
    table = pd.DataFrame(digits.data / args.pixel_max, columns=[f"pixel_{i}" for i in range(digits.data.shape[1])])
    table["label"] = digits.target
    os.makedirs(args.table, exist_ok=True)
    path = os.path.join(args.table, "digits.csv")
    table.to_csv(path, index=False)
    print(f"wrote {len(table)} rows and {table.shape[1]} columns to {path}")


if __name__ == "__main__":
    main()
