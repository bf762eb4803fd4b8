from setuptools import setup

setup(
    name="svc",
    install_requires=["ddtrace>=1.20,<3"],
)
