import json
import sys

with open("data.json") as f:
    data = json.load(f)
print(len(data))
