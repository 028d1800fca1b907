#!/usr/bin/python3
"""The two-layer ReLU network of the cs231n "Neural Networks Case Study" notes,
in numpy, as the reference the Go package sim/nn is checked and timed against.

With no argument it is the notes' own run: spiral N=100, K=3, D=2 made with
np.random.seed(0), 100 hidden units, W = 0.01*randn, step size 1.0,
reg 1e-3 (loss 0.5*reg*sum(W*W)), 10,000 full-batch steps.

With a JSON file argument it runs on the data and initial weights in the file
(X rows, y, W1, b1, W2, b2, steps, step_size, reg, as TestNumpyCrossCheck in
sim/nn writes them), so Go and numpy start from the same numbers.

Either way it prints one JSON line: the loss before the first step, the loss
after the last, the training accuracy and the wall time of the training loop.

The one change from the notes' code: the scores have their row maximum
subtracted before np.exp. It is the same softmax, cannot overflow, and is
what sim/nn computes, so the cross-check compares like with like.
"""
import json
import sys
import time

import numpy as np


def spiral(N=100, D=2, K=3):
    np.random.seed(0)
    X = np.zeros((N * K, D))
    y = np.zeros(N * K, dtype='uint8')
    for j in range(K):
        ix = range(N * j, N * (j + 1))
        r = np.linspace(0.0, 1, N)
        t = np.linspace(j * 4, (j + 1) * 4, N) + np.random.randn(N) * 0.2
        X[ix] = np.c_[r * np.sin(t), r * np.cos(t)]
        y[ix] = j
    return X, y


def loss_and_grads(X, y, W, b, W2, b2, reg):
    num_examples = X.shape[0]
    hidden_layer = np.maximum(0, np.dot(X, W) + b)
    scores = np.dot(hidden_layer, W2) + b2
    scores -= np.max(scores, axis=1, keepdims=True)
    exp_scores = np.exp(scores)
    probs = exp_scores / np.sum(exp_scores, axis=1, keepdims=True)
    correct_logprobs = -np.log(probs[range(num_examples), y])
    data_loss = np.sum(correct_logprobs) / num_examples
    reg_loss = 0.5 * reg * np.sum(W * W) + 0.5 * reg * np.sum(W2 * W2)
    dscores = probs
    dscores[range(num_examples), y] -= 1
    dscores /= num_examples
    dW2 = np.dot(hidden_layer.T, dscores)
    db2 = np.sum(dscores, axis=0, keepdims=True)
    dhidden = np.dot(dscores, W2.T)
    dhidden[hidden_layer <= 0] = 0
    dW = np.dot(X.T, dhidden)
    db = np.sum(dhidden, axis=0, keepdims=True)
    dW2 += reg * W2
    dW += reg * W
    return data_loss + reg_loss, (dW, db, dW2, db2)


def main():
    if len(sys.argv) > 1:
        with open(sys.argv[1]) as f:
            p = json.load(f)
        X = np.array(p["X"], dtype=np.float64)
        y = np.array(p["y"], dtype=np.int64)
        W = np.array(p["W1"], dtype=np.float64)
        b = np.array(p["b1"], dtype=np.float64).reshape(1, -1)
        W2 = np.array(p["W2"], dtype=np.float64)
        b2 = np.array(p["b2"], dtype=np.float64).reshape(1, -1)
        steps, step_size, reg = p["steps"], p["step_size"], p["reg"]
    else:
        X, y = spiral()
        h, D, K = 100, X.shape[1], 3
        W = 0.01 * np.random.randn(D, h)
        b = np.zeros((1, h))
        W2 = 0.01 * np.random.randn(h, K)
        b2 = np.zeros((1, K))
        steps, step_size, reg = 10000, 1.0, 1e-3

    first = None
    start = time.perf_counter()
    for i in range(steps):
        loss, (dW, db, dW2, db2) = loss_and_grads(X, y, W, b, W2, b2, reg)
        if first is None:
            first = loss
        W += -step_size * dW
        b += -step_size * db
        W2 += -step_size * dW2
        b2 += -step_size * db2
    seconds = time.perf_counter() - start

    final, _ = loss_and_grads(X, y, W, b, W2, b2, reg)
    hidden_layer = np.maximum(0, np.dot(X, W) + b)
    predicted = np.argmax(np.dot(hidden_layer, W2) + b2, axis=1)
    print(json.dumps({"first_loss": first, "final_loss": final,
                      "accuracy": float(np.mean(predicted == y)),
                      "steps": steps, "seconds": seconds}))


if __name__ == "__main__":
    main()
