CREATE DATABASE "catalogdb";
CREATE DATABASE "customersdb";
CREATE DATABASE "ordersdb";
