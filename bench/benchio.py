"""What bench/report.py and bench/report-pg.py both read: one run's JSON files and hyperfine medians."""
import json, os

def loader(out):
    def load(name):
        p = os.path.join(out, name)
        return json.load(open(p)) if os.path.exists(p) else None
    return load

def med(results, name):
    for r in results["results"]:
        if r["command"] == name:
            return r["median"]
    return None
