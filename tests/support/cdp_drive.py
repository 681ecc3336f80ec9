#!/usr/bin/python3
"""Drives report.html in headless Chromium over the DevTools protocol (--remote-debugging-pipe,
so nothing but the standard library is needed): types a query into the firm directory's search
box, clicks the first result, reads the firm page, clicks the firm's first supplier and reads
that page. Prints what it saw as JSON; with --shots DIR also saves screenshots (directory.png,
firm.png, network.png) there.

usage: cdp_drive.py CHROMIUM REPORT_HTML QUERY [--shots DIR]"""
import json
import os
import subprocess
import sys
import tempfile
import time


class Browser:
    def __init__(self, chromium, profile):
        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()
        # Out of the way of 3 and 4, which the child needs.
        fds = [os.dup(fd) for fd in (to_child_r, from_child_w)]
        for fd in (to_child_r, from_child_w):
            os.close(fd)

        def child_fds():
            os.dup2(fds[0], 3)
            os.dup2(fds[1], 4)

        self.proc = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
             "--no-first-run", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", "--remote-debugging-pipe", "--user-data-dir=" + profile,
             "about:blank"],
            preexec_fn=child_fds, pass_fds=(3, 4), stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for fd in fds:
            os.close(fd)
        self.write = os.fdopen(to_child_w, "wb", buffering=0)
        self.read = os.fdopen(from_child_r, "rb", buffering=0)
        self.buffer = b""
        self.next_id = 0
        self.events = []
        self.session = None

    def _message(self):
        while b"\0" not in self.buffer:
            chunk = self.read.read(65536)
            if not chunk:
                raise RuntimeError("Chromium closed the pipe")
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(raw)

    def call(self, method, **params):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params}
        if self.session and not method.startswith("Target."):
            message["sessionId"] = self.session
        self.write.write(json.dumps(message).encode() + b"\0")
        while True:
            reply = self._message()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_event(self, method, seconds=20):
        deadline = time.time() + seconds
        while time.time() < deadline:
            for i, e in enumerate(self.events):
                if e.get("method") == method:
                    return self.events.pop(i)
            self.events.append(self._message())
        raise RuntimeError(f"no {method} within {seconds} s")

    def js(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True,
                           awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def until(self, expression, seconds=10):
        deadline = time.time() + seconds
        while time.time() < deadline:
            value = self.js(expression)
            if value:
                return value
            time.sleep(0.05)
        raise RuntimeError(f"never true: {expression}")

    def click(self, selector):
        """A real mouse click at the centre of the element (scrolled into view)."""
        box = self.js(f"""(() => {{ const e = document.querySelector({json.dumps(selector)});
            if (!e) return null; e.scrollIntoView({{block: 'center'}});
            const r = e.getBoundingClientRect();
            return [r.left + r.width / 2, r.top + r.height / 2]; }})()""")
        if box is None:
            raise RuntimeError(f"nothing to click: {selector}")
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=box[0], y=box[1],
                      button="left", clickCount=1)

    def shot(self, path):
        import base64
        data = self.call("Page.captureScreenshot", format="png")["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))

    def close(self):
        try:
            self.call("Browser.close")
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def main():
    chromium, html, query = sys.argv[1:4]
    shots = sys.argv[sys.argv.index("--shots") + 1] if "--shots" in sys.argv else None
    seen = {"errors": []}
    with tempfile.TemporaryDirectory() as profile:
        b = Browser(chromium, profile)
        try:
            target = b.call("Target.createTarget", url="about:blank")["targetId"]
            b.session = b.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
            b.call("Page.enable")
            b.call("Runtime.enable")
            b.call("Emulation.setDeviceMetricsOverride", width=1200, height=900,
                   deviceScaleFactor=1, mobile=False)
            b.call("Page.navigate", url="file://" + os.path.abspath(html))
            b.wait_event("Page.loadEventFired")
            b.until("document.documentElement.getAttribute('data-explorer') === 'ready'")
            seen["listed"] = b.js("document.querySelectorAll('#firm-rows tr').length")
            seen["links_in_report"] = b.js("document.querySelectorAll('main a.firm').length")
            # Search: click into the box and type, as a user does.
            b.click("#firm-search")
            b.call("Input.insertText", text=query)
            b.until("document.querySelectorAll('#firm-rows tr').length < %d" % seen["listed"])
            seen["results"] = b.js(
                "[...document.querySelectorAll('#firm-rows tr td:first-child')].map(e => e.textContent)")
            seen["count_text"] = b.js("document.getElementById('firm-count').textContent")
            if shots:
                b.js("document.getElementById('directory').scrollIntoView()")
                b.shot(os.path.join(shots, "directory.png"))
            # Click the first result: its firm page.
            b.click("#firm-rows tr:first-child a.firm")
            b.until("!document.getElementById('firm-page').hidden")
            seen["hash"] = b.js("location.hash")
            seen["firm"] = b.js("document.querySelector('#firm-page h2').textContent")
            seen["firm_sections"] = b.js(
                "[...document.querySelectorAll('#firm-page h3')].map(e => e.textContent)")
            seen["suppliers"] = b.js("""(() => { const h = [...document.querySelectorAll('#firm-page h3')]
                .find(e => e.textContent.startsWith(JSON.parse(document.getElementById('icn-firms')
                .textContent).labels.suppliers)); const t = h && h.parentElement.querySelector('table');
                return t ? [...t.tBodies[0].rows].map(r => [...r.cells].map(c => c.textContent)) : []; })()""")
            if shots:
                b.js("window.scrollTo(0, 0)")
                b.shot(os.path.join(shots, "firm.png"))
            # Click through to its first supplier.
            if seen["suppliers"]:
                b.click("#firm-page section table tbody tr:first-child a.firm")
                b.until("document.querySelector('#firm-page h2').textContent !== %s"
                        % json.dumps(seen["firm"]))
                seen["supplier_page"] = b.js("document.querySelector('#firm-page h2').textContent")
                seen["supplier_customers"] = b.js(
                    "[...document.querySelectorAll('#firm-page section')].pop()"
                    ".textContent")
            # Back to the report; a table sorted by a click on its header.
            b.click("#firm-page .back")
            b.until("document.getElementById('firm-page').hidden")
            seen["back_hash"] = b.js("location.hash")
            if shots:
                b.js("document.querySelector('figure svg').scrollIntoView()")
                b.shot(os.path.join(shots, "network.png"))
        except Exception as e:  # what went wrong is part of what was seen
            seen["errors"].append(str(e))
        finally:
            seen["exceptions"] = [e["params"]["exceptionDetails"].get("text", "")
                                  for e in b.events if e.get("method") == "Runtime.exceptionThrown"]
            b.close()
    print(json.dumps(seen, ensure_ascii=False))


if __name__ == "__main__":
    main()
