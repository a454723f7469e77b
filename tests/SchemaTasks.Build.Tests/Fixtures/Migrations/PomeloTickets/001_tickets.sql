CREATE TABLE tickets (
    id int AUTO_INCREMENT PRIMARY KEY,
    priority ENUM('Low', 'Normal', 'High') NOT NULL DEFAULT 'Normal',
    kind ENUM('bug', 'feature') NOT NULL
);
