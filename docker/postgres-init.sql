-- Temporal keeps its own databases beside the platform's (auto-setup creates their schemas).
CREATE DATABASE temporal;
CREATE DATABASE temporal_visibility;
