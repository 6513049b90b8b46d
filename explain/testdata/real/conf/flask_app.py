"""Flask (Werkzeug's development server) on 26090, as `flask run` serves it."""
from flask import Flask, abort, redirect, request

app = Flask(__name__)


@app.get("/")
def index():
    return "flask: hello\n"


@app.get("/items")
def items():
    return {"items": ["apple", "pear"]}


@app.get("/boom")
def boom():
    raise RuntimeError("the handler failed")


@app.get("/auth")
def auth():
    a = request.authorization
    if a and a.username == "dev" and a.password == "secret":
        return "flask: welcome\n"
    abort(401)


@app.get("/old")
def old():
    return redirect("/items")


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=26090)
