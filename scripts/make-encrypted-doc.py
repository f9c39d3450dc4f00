#!/usr/bin/python3
"""Save a .docx with an open password through LibreOffice's UNO API (what Word's
"Encrypt with password" produces: an OLE file holding EncryptionInfo + EncryptedPackage).
Usage: /usr/bin/python3 scripts/make-encrypted-doc.py IN.docx OUT.docx PASSWORD
Needs python3-uno and soffice. Called by scripts/make-fixtures.mjs."""
import os, subprocess, sys, tempfile, time
import uno
from com.sun.star.beans import PropertyValue

src, dst = [os.path.abspath(a) for a in sys.argv[1:3]]
password = sys.argv[3]
FILTER = 'MS Word 97' if dst.endswith('.doc') else 'MS Word 2007 XML'

def prop(name, value):
    p = PropertyValue(); p.Name = name; p.Value = value; return p

profile = tempfile.mkdtemp(prefix='planlint-uno-')
pipe = 'planlint_fixtures_%d' % os.getpid()
office = subprocess.Popen(['soffice', '-env:UserInstallation=file://' + profile, '--headless', '--invisible',
                           '--norestore', '--accept=pipe,name=%s;urp;' % pipe])
try:
    resolver = uno.getComponentContext().ServiceManager.createInstanceWithContext(
        'com.sun.star.bridge.UnoUrlResolver', uno.getComponentContext())
    for _ in range(100):
        try:
            ctx = resolver.resolve('uno:pipe,name=%s;urp;StarOffice.ComponentContext' % pipe); break
        except Exception:
            time.sleep(0.2)
    desktop = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), '_blank', 0, (prop('Hidden', True),))
    doc.storeToURL(uno.systemPathToFileUrl(dst), (prop('FilterName', FILTER), prop('Password', password)))
    doc.close(True)
    try:
        desktop.terminate()
    except Exception:
        pass
finally:
    office.wait(timeout=30) if office.poll() is None and not office.terminate() else None
