import shutil

shutil.rmtree("/var/lib/app")
